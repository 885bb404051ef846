using System.Reflection;

namespace IaGenify.Architecture.Tests;

internal static class Assemblies
{
    public static readonly Assembly Domain = typeof(IaGenify.Domain.Common.Entity).Assembly;
    public static readonly Assembly Application = typeof(IaGenify.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(IaGenify.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly Api = typeof(Program).Assembly;
}
