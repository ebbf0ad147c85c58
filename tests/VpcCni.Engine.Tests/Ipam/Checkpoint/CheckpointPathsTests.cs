using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Tests.Ipam.Checkpoint;

public class CheckpointPathsTests
{
    [Theory]
    [InlineData("/var/run/aws-node/ipam.json", 0, "/var/run/aws-node/ipam.json")]
    [InlineData("/var/run/aws-node/ipam.json", 1, "/var/run/aws-node/ipam-nic-1.json")]
    [InlineData("/var/run/aws-node/ipam.json", 7, "/var/run/aws-node/ipam-nic-7.json")]
    [InlineData("/tmp/state", 2, "/tmp/state-nic-2.json")]
    [InlineData("/var/lib/ipam.state", 1, "/var/lib/ipam.state-nic-1.json")]
    [InlineData("/var/lib/ipam.JSON", 1, "/var/lib/ipam.JSON-nic-1.json")]
    [InlineData("/var/lib/ipam.json.json", 3, "/var/lib/ipam.json-nic-3.json")]
    public void CardsAboveZeroTrimOneJsonSuffixAndAppendNicNJsonAsUpstreamDoes(string basePath, int card, string expected)
    {
        Assert.Equal(expected, CheckpointPaths.ForNetworkCard(basePath, card));
    }

    [Fact]
    public void NegativeCardIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckpointPaths.ForNetworkCard(CheckpointPaths.DefaultPath, -1));
    }
}
