using IaGenify.Api.Sites;

namespace IaGenify.Api.Tests.Sites;

/// <summary>Which stored representation of a cached page a client's <c>Accept-Encoding</c> gets.</summary>
public sealed class EncodingChoiceTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("identity", null)]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData(" Br ;q=0.5 ", "br")]
    [InlineData("gzip;q=1.0, br;q=0", "gzip")]
    [InlineData("br; q = 0.000, gzip", "gzip")]
    [InlineData("br;q=0.001, gzip;q=0", "br")]
    [InlineData("gzip;q=0, br;q=0", null)]
    [InlineData("br;q=0, br", "br")]
    [InlineData("br;Q=0", "br")]
    [InlineData("br;level=0;q=0", null)]
    [InlineData(",, ,gzip,", "gzip")]
    [InlineData("xbr, gzipx", null)]
    public void The_client_gets_brotli_then_gzip_unless_it_refuses_them_with_a_zero_quality(string acceptEncoding, string? expected) =>
        Assert.Equal(expected, PublishedPageResult.ChooseEncoding(acceptEncoding));
}
