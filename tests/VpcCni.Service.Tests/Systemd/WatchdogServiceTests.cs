using VpcCni.Service.Systemd;

namespace VpcCni.Service.Tests.Systemd;

public sealed class WatchdogServiceTests
{
    [Theory]
    [InlineData("30000000", null, 15_000)]
    [InlineData("30000000", "4242", 15_000)]
    [InlineData("1000", "", 0.5)]
    public void PingsAtHalfTheWatchdogIntervalForThisProcess(string usec, string? pid, double expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), WatchdogService.PingInterval(usec, pid, processId: 4242));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("soon", null)]
    [InlineData("30000000", "1")]
    [InlineData("30000000", "abc")]
    public void StaysOffWithoutAUsableIntervalOrWhenTheWatchdogIsForAnotherProcess(string? usec, string? pid)
    {
        Assert.Null(WatchdogService.PingInterval(usec, pid, processId: 4242));
    }
}
