namespace IaGenify.Application.Websites.Publishing;

/// <summary>
/// A counter that moves whenever anything a published page is made of may have changed (a publish, a slug, a theme, who
/// may frame it, a domain, a deleted workspace), in this process or, through PostgreSQL NOTIFY, in any other. Whatever
/// is cached from published sites is only good for the value it was built at.
/// </summary>
public sealed class SiteContentVersion
{
    private long _value;

    public long Current => Volatile.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
