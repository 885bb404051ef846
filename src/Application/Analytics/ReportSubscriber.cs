using IaGenify.Application.Common.Security;
using IaGenify.Domain.Common;

namespace IaGenify.Application.Analytics;

internal static class ReportSubscriber
{
    /// <summary>The signed-in member a report subscription belongs to; an API key has no mailbox to send it to.</summary>
    public static Guid Of(Principal principal) => principal.Kind == PrincipalKind.ApiKey
        ? throw new PermissionDeniedException("analytics.report_member_only",
            "Report emails are a member's own choice; sign in as the member to change them.")
        : principal.RequireUserId();
}
