using MediatR;

namespace IaGenify.Application.Common.Messaging;

/// <summary>A request that only reads.</summary>
public interface IQuery<TResponse> : IRequest<TResponse>;
