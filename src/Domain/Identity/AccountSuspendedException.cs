using IaGenify.Domain.Common;

namespace IaGenify.Domain.Identity;

/// <summary>A suspended account tried to start a session or act: answered 403 <c>account_suspended</c>.</summary>
public sealed class AccountSuspendedException()
    : DomainException("account_suspended", "This account is suspended. Contact support to have it restored.");
