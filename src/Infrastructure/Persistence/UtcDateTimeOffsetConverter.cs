using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>Hands every <see cref="DateTimeOffset"/> to PostgreSQL as the same instant in UTC (offset zero).</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
