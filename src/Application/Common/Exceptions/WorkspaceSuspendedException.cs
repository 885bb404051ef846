using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>A command on a workspace that platform staff suspended: it stays readable but nothing may change.</summary>
public sealed class WorkspaceSuspendedException()
    : DomainException("workspace_suspended", "This workspace is suspended and read-only. Contact support to have it restored.");
