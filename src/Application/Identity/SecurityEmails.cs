using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity;

/// <summary>
/// The emails of account security: notices of changes (so that the owner of an account learns of a change they did
/// not make) and the confirmation links of changes that need one. Staged in the email outbox with the change that
/// causes them, like <see cref="AccountEmails"/>.
/// </summary>
public sealed class SecurityEmails(AccountEmails emails, IOptions<PlatformOptions> platform)
{
    public void StagePasswordChanged(string to) =>
        emails.Stage(new EmailMessage(to, "Your IaGenify password was changed",
            "The password of your IaGenify account was just changed, and every other session was signed out.\n\n" +
            $"If this was not you, reset your password at once:\n{Url("forgot-password")}\n"), "account.password_changed");

    public void StageEmailChangeConfirmation(string to, string token) =>
        emails.Stage(new EmailMessage(to, "Confirm your new IaGenify email",
            "Someone asked to use this address for their IaGenify account.\n\n" +
            $"Confirm it by opening this link:\n{Link("confirm-email-change", token)}\n\n" +
            "The address changes only once you confirm. If it was not you, ignore this email."), "account.email_change_confirmation");

    public void StageEmailChanged(string previousAddress) =>
        emails.Stage(new EmailMessage(previousAddress, "Your IaGenify email was changed",
            "The email address of your IaGenify account was changed and this address no longer signs in.\n\n" +
            "If this was not you, contact support at once."), "account.email_changed");

    public void StageTwoFactorChanged(string to, bool enabled) =>
        emails.Stage(new EmailMessage(to,
            enabled ? "Two-factor authentication is on" : "Two-factor authentication was turned off",
            (enabled
                ? "Two-factor authentication was turned on for your IaGenify account. Keep your recovery codes somewhere safe.\n"
                : "Two-factor authentication was turned off for your IaGenify account.\n") +
            "\nIf this was not you, reset your password at once.\n"), "account.two_factor_changed");

    public void StageOwnershipTransfer(string to, string workspaceName, string ownerName, string token) =>
        emails.Stage(new EmailMessage(to, $"{ownerName} wants to hand you the workspace {workspaceName}",
            $"{ownerName} offers you the ownership of the workspace \"{workspaceName}\" on IaGenify. " +
            "If you accept, you become its owner and they stay on as an admin.\n\n" +
            $"Accept here (signed in as yourself):\n{Link("ownership-transfers/accept", token)}\n\n" +
            "The offer expires in 7 days. Ignore this email to decline."), "workspace.ownership_transfer");

    private string Url(string path) => $"{platform.Value.AppBaseUrl}/{path}";

    private string Link(string path, string token) => $"{Url(path)}?token={Uri.EscapeDataString(token)}";
}
