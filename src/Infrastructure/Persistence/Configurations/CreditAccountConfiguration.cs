using IaGenify.Domain.Credits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

/// <summary>
/// No foreign key to workspaces: the ledger is a financial record that outlives a purged workspace.
/// The database itself refuses a negative balance, reserve or available amount.
/// </summary>
internal sealed class CreditAccountConfiguration : IEntityTypeConfiguration<CreditAccount>
{
    public void Configure(EntityTypeBuilder<CreditAccount> builder)
    {
        builder.ToTable("credit_accounts", table =>
        {
            table.HasCheckConstraint("ck_credit_accounts_balance", "balance >= 0");
            table.HasCheckConstraint("ck_credit_accounts_reserved", "reserved >= 0");
            table.HasCheckConstraint("ck_credit_accounts_available", "balance >= reserved");
        });
        builder.HasIndex(a => a.WorkspaceId).IsUnique();
        builder.Ignore(a => a.Available);
    }
}
