namespace IaGenify.Application.Common.Persistence;

/// <summary>Commits every change of the scope in one transaction. A command calls it once.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
