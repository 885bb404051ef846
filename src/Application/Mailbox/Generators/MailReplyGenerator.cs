using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Application.Websites;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Mailbox.Generators;

/// <summary>
/// Drafts a reply to a thread: the model reads the conversation and the text of the published site the visitor
/// wrote through, and answers <c>{ subject, body }</c>. Runs in the generation's workspace, outside any transaction.
/// </summary>
internal sealed class MailReplyGenerator(
    ITextModel model,
    IRepository<MailThread> threads,
    IRepository<Website> websites,
    IRepository<WebsiteRevision> revisions) : IGenerator
{
    public const string SchemaName = "mailReply";

    public GenerationKind Kind => GenerationKind.MailReply;
    public string Operation => "mail.reply";

    public async Task<JsonObject> GenerateAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        var thread = job.Input.ThreadId is { } threadId
            ? await threads.FirstOrDefaultAsync(new ThreadSpec(threadId, withMessages: true), cancellationToken)
            : null;
        if (thread is null)
            // The completion refuses it: the thread was deleted while the draft waited.
            return new JsonObject { ["subject"] = "-", ["body"] = "-", ["provider"] = "none", ["model"] = "none" };

        var (siteName, siteText) = await SiteAsync(thread, cancellationToken);
        var messages = thread.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
        var last = messages.LastOrDefault(m => m.Direction == MailDirection.Inbound) ?? messages.LastOrDefault();
        var facts = new Dictionary<string, string>
        {
            ["senderName"] = thread.SenderName,
            ["subject"] = thread.Subject,
            ["siteName"] = siteName,
            ["lastMessage"] = last?.Body ?? "",
        };
        var intent = new GenerationIntent(job.Kind, job.Input.Prompt, thread.SenderName, null, facts);
        var reply = await model.CompleteJsonAsync(new TextModelRequest(SchemaName, MailReplyPrompts.Schema, MailReplyPrompts.System,
            MailReplyPrompts.User(job, thread, messages, siteName, siteText), job.Settings, intent), cancellationToken);
        var output = Read(reply.Json);
        output["provider"] = reply.Provider;
        output["model"] = reply.Model;
        return output;
    }

    private async Task<(string Name, string Text)> SiteAsync(MailThread thread, CancellationToken cancellationToken)
    {
        if (thread.WebsiteId is not { } websiteId || await websites.FirstOrDefaultAsync(new WebsiteSpec(websiteId), cancellationToken) is not { } website)
            return ("our team", "");
        var revision = await revisions.FirstOrDefaultAsync(new LiveRevisionSpec(website.WorkspaceId, website.Id), cancellationToken);
        return (website.Name, revision is null ? "" : MailReplyPrompts.SiteText(SiteModel.Deserialize(revision.Snapshot)));
    }

    private static JsonObject Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            throw OutputInvalidException.For("", "The answer is not JSON.");
        }
        var errors = new Dictionary<string, string[]>();
        var subject = Text(root, "subject", MailThread.MaxSubjectLength, errors);
        var body = Text(root, "body", MailMessage.MaxBodyLength, errors);
        return errors.Count == 0 ? new JsonObject { ["subject"] = subject, ["body"] = body } : throw new OutputInvalidException(errors);
    }

    private static string? Text(JsonNode? root, string name, int max, Dictionary<string, string[]> errors)
    {
        var value = root is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (string.IsNullOrEmpty(value))
            errors[name] = ["A non-empty string is required."];
        else if (value.Length > max)
            errors[name] = [$"At most {max} characters."];
        else if (!MailboxRules.IsPlainText(value, multiline: name == "body"))
            errors[name] = ["Plain text only, without control characters."];
        return value;
    }
}
