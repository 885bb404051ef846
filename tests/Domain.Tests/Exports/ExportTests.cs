using IaGenify.Domain.Common;
using IaGenify.Domain.Exports;

namespace IaGenify.Domain.Tests.Exports;

public sealed class ExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_queued_export_is_not_downloadable_and_says_why()
    {
        var export = Export.Request(Guid.CreateVersion7(), null, Now);

        Assert.False(export.IsDownloadable(Now));
        Assert.Equal("export.not_ready", export.NotDownloadable(Now).Code);
        // Only a worker's claim starts an export.
        Assert.Throws<BusinessRuleException>(() => export.Succeed("k", 1, Now, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void A_failed_export_records_its_code_and_cannot_fail_twice()
    {
        var export = Export.Request(Guid.CreateVersion7(), null, Now);

        export.Fail("part_failed:members", Now);

        Assert.Equal((ExportStatus.Failed, "part_failed:members"), (export.Status, export.Error));
        Assert.Equal("export.failed", export.NotDownloadable(Now).Code);
        Assert.Throws<BusinessRuleException>(() => export.Fail("again", Now));
    }

    [Fact]
    public void Only_a_finished_export_expires()
    {
        var export = Export.Request(Guid.CreateVersion7(), null, Now);

        Assert.Throws<BusinessRuleException>(export.Expire);
    }
}
