namespace IaGenify.Domain.Assets;

public enum AssetSource
{
    Uploaded,
    Generated,
}
