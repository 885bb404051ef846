using IaGenify.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Ignore(u => u.IsEmailVerified);
        builder.Ignore(u => u.IsDeleted);
        builder.Ignore(u => u.IsTotpEnabled);
        builder.Ignore(u => u.IsSuspended);
        builder.Property(u => u.SuspensionReason).HasMaxLength(User.MaxSuspensionReasonLength);
        // Each replica re-reads the recent suspensions every few seconds; the few suspended rows are all it scans.
        builder.HasIndex(u => u.SuspendedAt).HasFilter("suspended_at IS NOT NULL");
        builder.Property(u => u.TotpSecret).HasMaxLength(200);
        // PostgreSQL's xmin: two sign-ins with the same one-time code cannot both record its time step.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
