using System.Reflection;
using System.Xml.Linq;

namespace IaGenify.Architecture.Tests;

/// <summary>Domain depends on nothing; Application on Domain only; Infrastructure never on the API.</summary>
public sealed class DependencyRuleTests
{
    private static IEnumerable<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Domain_references_only_the_base_library()
    {
        var offenders = References(Assemblies.Domain)
            .Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib"));
        Assert.Empty(offenders);
    }

    [Fact]
    public void Domain_project_has_no_package_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(SourceTree.Root(), "src", "Domain", "IaGenify.Domain.csproj"));
        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference");
    }

    [Theory]
    [InlineData("IaGenify.Infrastructure")]
    [InlineData("IaGenify.Api")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Stripe.net")]
    public void Application_does_not_reference(string forbidden) =>
        Assert.DoesNotContain(References(Assemblies.Application), n => n.StartsWith(forbidden, StringComparison.Ordinal));

    [Fact]
    public void Infrastructure_does_not_reference_the_api() =>
        Assert.DoesNotContain("IaGenify.Api", References(Assemblies.Infrastructure));
}
