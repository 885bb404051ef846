namespace IaGenify.Domain.Generations;

/// <summary>What a generation produces; each kind has its own price and generator.</summary>
public enum GenerationKind
{
    Website,
    Page,
    Section,
    Image,
    MailReply,
}
