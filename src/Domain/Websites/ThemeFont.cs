namespace IaGenify.Domain.Websites;

/// <summary>Font families a site can use. Only local font stacks: a published page loads nothing from elsewhere.</summary>
public enum ThemeFont
{
    System,
    Sans,
    Serif,
    Mono,
    Rounded,
}
