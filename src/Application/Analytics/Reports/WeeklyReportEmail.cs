using System.Globalization;
using System.Text;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Analytics;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Analytics.Reports;

/// <summary>Writes a member's weekly analytics report (plain text, like every platform email).</summary>
public sealed class WeeklyReportEmail(IOptions<PlatformOptions> platform)
{
    /// <summary>Stored and logged as the outbox email's type (never its content).</summary>
    public const string Type = "analytics.weekly_report";

    public EmailMessage Compose(WeeklyReportRecipient recipient, AnalyticsRange week, WeeklyReportFigures figures)
    {
        var culture = CultureInfo.InvariantCulture;
        var period = $"{week.From.ToString("d MMM", culture)} - {week.To.ToString("d MMM yyyy", culture)}";
        var body = new StringBuilder()
            .Append(culture, $"Hello {recipient.DisplayName},\n\n")
            .Append(culture, $"Here is the week of \"{recipient.WorkspaceName}\" on IaGenify, {period} (UTC).\n\n")
            .Append(culture, $"Visitors: {figures.Visitors:N0}\n")
            .Append(culture, $"Page views: {figures.Pageviews:N0}\n")
            .Append(culture, $"Conversions (contact form messages): {figures.Conversions:N0}\n")
            .Append(culture, $"Credits used: {figures.CreditsUsed:N0}\n\n");
        if (figures.TopPages.Count == 0)
            body.Append("Top pages: no page views this week.\n");
        else
        {
            body.Append("Top pages:\n");
            foreach (var page in figures.TopPages)
                body.Append(culture, $"- {page.Site} {page.Path}: {page.Visitors:N0} visitors, {page.Pageviews:N0} views\n");
        }
        body.Append(culture, $"\nThe dashboard: {platform.Value.AppBaseUrl}/workspaces/{recipient.WorkspaceId}/analytics\n")
            .Append("You receive this report because you asked for it in this workspace; turn it off in the analytics settings.\n")
            .Append("Visitors are counted per day without cookies, so one person visiting on two days counts twice.\n");
        return new EmailMessage(recipient.Email, $"Your week on IaGenify: {recipient.WorkspaceName}, {period}", body.ToString());
    }
}
