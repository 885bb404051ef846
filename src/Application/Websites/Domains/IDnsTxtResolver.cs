namespace IaGenify.Application.Websites.Domains;

/// <summary>Reads TXT records from DNS; used to check that a customer controls a domain.</summary>
public interface IDnsTxtResolver
{
    /// <summary>The TXT strings published at <paramref name="name"/>; empty when there are none or DNS did not answer.</summary>
    Task<IReadOnlyList<string>> TxtRecordsAsync(string name, CancellationToken cancellationToken);
}
