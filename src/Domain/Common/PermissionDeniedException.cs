namespace IaGenify.Domain.Common;

/// <summary>The caller is known to the workspace but their role does not allow the action.</summary>
public sealed class PermissionDeniedException(string code, string message) : DomainException(code, message);
