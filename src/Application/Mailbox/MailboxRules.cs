using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;

namespace IaGenify.Application.Mailbox;

/// <summary>What visitors and members may write into the mailbox: text without control characters, addresses we can answer.</summary>
public static partial class MailboxRules
{
    public const int MaxMessageBytes = 10 * 1024;

    /// <summary>An address replies can be sent to: one local part, one domain with a dot, nothing that could break a header.</summary>
    public static bool IsDeliverableAddress(string? email) =>
        email is { Length: > 0 and <= 254 } && Address().IsMatch(email);

    /// <summary>No NUL or other control character; line breaks and tabs only where <paramref name="multiline"/> allows.</summary>
    public static bool IsPlainText(string? text, bool multiline) =>
        text is null || !text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));

    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(t => IsPlainText(t, multiline: false)).WithMessage($"{field} must not contain control characters or line breaks.");

    public static IRuleBuilderOptions<T, string?> MessageText<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required.")
            .Must(t => t is null || Encoding.UTF8.GetByteCount(t) <= MaxMessageBytes).WithMessage($"{field} has at most 10 KB of text.")
            .Must(t => IsPlainText(t, multiline: true)).WithMessage($"{field} must not contain control characters.");

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Address();
}
