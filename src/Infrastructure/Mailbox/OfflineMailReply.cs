using System.Text.Json.Nodes;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Mailbox;
using IaGenify.Infrastructure.Generations.Offline;

namespace IaGenify.Infrastructure.Mailbox;

/// <summary>
/// The offline provider's reply draft: a polite, deterministic acknowledgement built from the facts of the thread
/// (who wrote, about what, to which site), with a sentence matching the topic of the visitor's last message. It
/// promises nothing the site did not say.
/// </summary>
internal sealed class OfflineMailReply : IOfflineAnswer
{
    public IReadOnlyCollection<string> SchemaNames { get; } = ["mailReply"];

    public JsonObject Answer(string schemaName, GenerationIntent intent)
    {
        var facts = intent.Facts ?? new Dictionary<string, string>();
        var sender = Fact(facts, "senderName", intent.Name ?? "there");
        var firstName = sender.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? sender;
        var site = Fact(facts, "siteName", "our team");
        var subject = Fact(facts, "subject", "your message");
        var last = Fact(facts, "lastMessage", "").ToLowerInvariant();
        var topic = last switch
        {
            _ when Mentions(last, "price", "pricing", "cost", "quote", "how much") =>
                "You asked about prices: we will prepare the details for your request and send them to you.",
            _ when Mentions(last, "appointment", "book", "booking", "meeting", "available", "availability") =>
                "You asked about availability: we will check our calendar and propose a time that suits you.",
            _ when Mentions(last, "problem", "issue", "broken", "complaint", "not working") =>
                "We are sorry to hear about the problem you describe and will look into it right away.",
            _ => "We have read your message carefully and will follow up with the information you need.",
        };
        var body = $"""
            Hello {firstName},

            Thank you for contacting {site}. {topic}

            If you have anything to add, simply reply to this email.

            Best regards,
            {site}
            """;
        return new JsonObject
        {
            ["subject"] = MailText.Clip(subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : $"Re: {subject}", MailThread.MaxSubjectLength),
            ["body"] = body,
        };
    }

    private static string Fact(IReadOnlyDictionary<string, string> facts, string name, string fallback) =>
        facts.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : fallback;

    private static bool Mentions(string text, params string[] words) => words.Any(text.Contains);
}
