namespace IaGenify.Domain.Websites;

/// <summary>Whether the site's first generation has filled it yet.</summary>
public enum WebsiteStatus
{
    Generating,
    Ready,
    GenerationFailed,
}
