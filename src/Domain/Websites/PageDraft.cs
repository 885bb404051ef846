namespace IaGenify.Domain.Websites;

/// <summary>A page as a generator produced it, before it becomes part of a website.</summary>
public sealed record PageDraft(string Path, string Title, string? Description, IReadOnlyList<SectionProps> Sections);
