using MediatR;

namespace IaGenify.Application.Common.Messaging;

/// <summary>A request that changes state. Every command has a validator (enforced by an architecture test).</summary>
public interface ICommand<TResponse> : IRequest<TResponse>;

/// <summary>A command with nothing to return.</summary>
public interface ICommand : ICommand<Unit>;
