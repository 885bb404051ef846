using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites;

/// <summary>One block of a page: a type from the fixed list and props valid for that type.</summary>
public sealed class Section : Entity, ITenantOwned
{
    private Section()
    {
        Props = "{}";
    }

    internal Section(Guid workspaceId, Guid pageId, SectionProps props, int order)
    {
        WorkspaceId = workspaceId;
        PageId = pageId;
        Type = props.Type;
        Props = props.Json;
        Order = order;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid PageId { get; private set; }
    public SectionType Type { get; private set; }

    /// <summary>The props as canonical JSON (see <see cref="SectionProps"/>).</summary>
    public string Props { get; private set; }

    public int Order { get; internal set; }

    public SectionProps ValidatedProps => SectionProps.FromStored(Type, Props);

    internal void Replace(SectionProps props)
    {
        if (props.Type != Type)
            throw new BusinessRuleException("section.type_mismatch", $"These props are for a {props.Type} section, not a {Type} section.");
        Props = props.Json;
    }
}
