using Ardalis.Specification;

namespace IaGenify.Architecture.Tests;

/// <summary>Specifications are Ardalis' and never lift every query filter; only the named tenant filter may go.</summary>
public sealed class SpecificationTests
{
    private static readonly Type[] Specifications = Assemblies.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpecification<>)))
        .ToArray();

    [Fact]
    public void There_are_specifications_to_check() => Assert.True(Specifications.Length > 50);

    [Fact]
    public void Every_specification_derives_from_the_package_base()
    {
        var offenders = Specifications.Where(t => !DerivesFromPackageBase(t)).Select(t => t.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Specifications_are_sealed() =>
        Assert.Empty(Specifications.Where(t => !t.IsSealed).Select(t => t.FullName));

    [Fact]
    public void No_home_made_specification_base_remains() =>
        Assert.DoesNotContain(Assemblies.Application.GetTypes(), t => t.Name.StartsWith("Specification`", StringComparison.Ordinal));

    [Fact]
    public void No_source_lifts_every_query_filter()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(SourceTree.Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters()", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceTree.Root(), f));
        Assert.Empty(offenders);
    }

    private static bool DerivesFromPackageBase(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() is var d && (d == typeof(Specification<>) || d == typeof(Specification<,>)))
                return true;
        return false;
    }
}
