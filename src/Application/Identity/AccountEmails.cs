using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity;

/// <summary>
/// Composes the account emails and stages them in the email outbox: the caller's SaveChanges writes them with the
/// change that causes them, so a failed change sends nothing and a committed one is delivered (retried while the
/// email provider is down) by the outbox dispatcher. Links open pages of the frontend (<c>Platform:AppUrl</c>); the
/// routes it must serve are listed in the README ("Frontend routes").
/// </summary>
public sealed class AccountEmails(IEmailOutbox outbox, IOptions<PlatformOptions> platform)
{
    public void StageVerification(string to, string token) =>
        Stage(new EmailMessage(to, "Confirm your IaGenify email",
            $"Welcome to IaGenify.\n\nConfirm your email address by opening this link:\n{Link("verify-email", token)}\n\n" +
            "If you did not create an account, ignore this email."), "account.verification");

    public void StagePasswordReset(string to, string token) =>
        Stage(new EmailMessage(to, "Reset your IaGenify password",
            $"Someone asked to reset the password of your IaGenify account.\n\nChoose a new password here:\n{Link("reset-password", token)}\n\n" +
            "The link works once and expires soon. If it was not you, ignore this email."), "account.password_reset");

    public void StageInvitation(string to, string workspaceName, string inviterName, string role, string token) =>
        Stage(new EmailMessage(to, $"You are invited to {workspaceName} on IaGenify",
            $"{inviterName} invited you to join the workspace \"{workspaceName}\" as {role}.\n\n" +
            $"Accept the invitation here (sign in or create an account with this email first):\n{Link("invitations/accept", token)}\n"),
            "workspace.invitation");

    public void Stage(EmailMessage message, string type) => outbox.Stage(message, type);

    private string Link(string path, string token) =>
        $"{platform.Value.AppBaseUrl}/{path}?token={Uri.EscapeDataString(token)}";
}
