namespace IaGenify.Application.Common.Email;

/// <summary>
/// The transactional outbox of account and platform emails. <see cref="Stage"/> adds the email to the caller's unit
/// of work: it is written by the same SaveChanges as the change that causes it (or not at all), and a background
/// dispatcher delivers it afterwards, retrying while the email provider is down.
/// </summary>
public interface IEmailOutbox
{
    /// <param name="type">What the email is (e.g. <c>account.verification</c>): logged and stored, unlike its content.</param>
    void Stage(EmailMessage message, string type);
}
