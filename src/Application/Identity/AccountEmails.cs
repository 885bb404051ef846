using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity;

/// <summary>
/// Sends the account emails. Sending happens after the change is committed; a delivery failure is logged and does
/// not undo the change (the user can ask for another email).
/// </summary>
public sealed class AccountEmails(IEmailSender sender, IOptions<PlatformOptions> platform, ILogger<AccountEmails> logger)
{
    public Task SendVerificationAsync(string to, string token, CancellationToken cancellationToken) =>
        TrySendAsync(new EmailMessage(to, "Confirm your IaGenify email",
            $"Welcome to IaGenify.\n\nConfirm your email address by opening this link:\n{Link("verify-email", token)}\n\n" +
            "If you did not create an account, ignore this email."), cancellationToken);

    public Task SendPasswordResetAsync(string to, string token, CancellationToken cancellationToken) =>
        TrySendAsync(new EmailMessage(to, "Reset your IaGenify password",
            $"Someone asked to reset the password of your IaGenify account.\n\nChoose a new password here:\n{Link("reset-password", token)}\n\n" +
            "The link works once and expires soon. If it was not you, ignore this email."), cancellationToken);

    public Task SendInvitationAsync(string to, string workspaceName, string inviterName, string role, string token,
        CancellationToken cancellationToken) =>
        TrySendAsync(new EmailMessage(to, $"You are invited to {workspaceName} on IaGenify",
            $"{inviterName} invited you to join the workspace \"{workspaceName}\" as {role}.\n\n" +
            $"Accept the invitation here (sign in or create an account with this email first):\n{Link("invitations/accept", token)}\n"),
            cancellationToken);

    public async Task TrySendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Email delivery failed ({ExceptionType})", ex.GetType().Name);
        }
    }

    private string Link(string path, string token) =>
        $"{platform.Value.PublicUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(token)}";
}
