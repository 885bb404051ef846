namespace IaGenify.Domain.Common;

/// <summary>Base of every persisted object. Ids are version-7 GUIDs so that they sort by creation time.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
