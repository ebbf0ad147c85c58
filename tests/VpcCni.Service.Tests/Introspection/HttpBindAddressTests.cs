using System.Net;
using VpcCni.Service.Introspection;

namespace VpcCni.Service.Tests.Introspection;

public sealed class HttpBindAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:61679", "127.0.0.1:61679", true)]
    [InlineData("localhost:8080", "127.0.0.1:8080", true)]
    [InlineData("[::1]:61679", "[::1]:61679", true)]
    [InlineData("0.0.0.0:61679", "0.0.0.0:61679", false)]
    [InlineData(":61678", ":61678", false)]
    [InlineData("unix:/run/aws-node/introspect.sock", "unix:/run/aws-node/introspect.sock", true)]
    public void AcceptsUpstreamsFormsAndTellsWhetherOnlyThisHostCanConnect(string text, string normalised, bool localOnly)
    {
        Assert.True(HttpBindAddress.TryParse(text, allowUnix: true, out var address));
        Assert.Equal(normalised, address!.ToString());
        Assert.Equal(localOnly, address.IsLocalOnly);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:http")]
    [InlineData("node.example.com:61679")]
    [InlineData("::1:61679")]
    [InlineData("unix:relative.sock")]
    public void RefusesWhatCannotBeBoundWithoutResolvingANameOrGuessing(string text)
    {
        Assert.False(HttpBindAddress.TryParse(text, allowUnix: true, out _));
    }

    [Fact]
    public void TheMetricsFormHasNoUnixSockets()
    {
        Assert.False(HttpBindAddress.TryParse("unix:/run/metrics.sock", allowUnix: false, out _));
        Assert.True(HttpBindAddress.TryParse("[::]:61678", allowUnix: false, out var any));
        Assert.Equal(IPAddress.IPv6Any, any!.Address);
    }
}
