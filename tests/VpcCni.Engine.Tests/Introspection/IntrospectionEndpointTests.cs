using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;

namespace VpcCni.Engine.Tests.Introspection;

public sealed class IntrospectionEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:61679", "http://127.0.0.1:61679/")]
    [InlineData("127.0.0.1:61679", "http://127.0.0.1:61679/")]
    [InlineData(":61678", "http://127.0.0.1:61678/")]
    [InlineData("0.0.0.0:61678", "http://127.0.0.1:61678/")]
    [InlineData("localhost:61679", "http://localhost:61679/")]
    [InlineData("[::1]:61679", "http://[::1]:61679/")]
    [InlineData("http://127.0.0.1:61679/v1/enis", "http://127.0.0.1:61679/")]
    public void TheServicesBindFormsAndUrlsBecomeABaseAddress(string endpoint, string expected)
    {
        var parsed = IntrospectionEndpoint.Parse(endpoint);

        Assert.Equal(new Uri(expected), parsed.BaseAddress);
        Assert.Null(parsed.SocketPath);
    }

    [Fact]
    public void AUnixEndpointNamesItsSocket()
    {
        var parsed = IntrospectionEndpoint.Parse("unix:/run/vpc-cni/introspection.sock");

        Assert.Equal("/run/vpc-cni/introspection.sock", parsed.SocketPath);
        Assert.Equal("unix:/run/vpc-cni/introspection.sock", parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("unix:relative.sock")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://")]
    public void AnythingElseIsAnInvalidEndpoint(string endpoint)
    {
        var ex = Assert.Throws<VpcCniException>(() => IntrospectionEndpoint.Parse(endpoint));

        Assert.Equal(ErrorIds.Introspection.InvalidEndpoint, ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.InvalidArgument, ex.Category);
    }
}
