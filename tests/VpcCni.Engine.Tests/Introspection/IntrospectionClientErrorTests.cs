using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;

namespace VpcCni.Engine.Tests.Introspection;

public sealed class IntrospectionClientErrorTests
{
    [Fact]
    public async Task NothingListeningIsUnreachable()
    {
        using var client = new IntrospectionClient($"127.0.0.1:{FreePort()}");

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => client.GetPodsAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.Introspection.Unreachable, ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.ResourceUnavailable, ex.Category);
    }

    [Fact]
    public async Task AMissingUnixSocketIsUnreachable()
    {
        using var directory = new TempDirectory();
        using var client = new IntrospectionClient("unix:" + Path.Combine(directory.Path, "none.sock"));

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => client.GetEnisAsync(false, CancellationToken.None));

        Assert.Equal(ErrorIds.Introspection.Unreachable, ex.ErrorId);
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOut()
    {
        await using var server = CannedHttpServer.OnTcp(new() { ["/v1/pods"] = null });
        using var client = new IntrospectionClient(server.Endpoint, TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => client.GetPodsAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.Introspection.Timeout, ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.Timeout, ex.Category);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotATimeout()
    {
        await using var server = CannedHttpServer.OnTcp(new() { ["/v1/pods"] = null });
        using var client = new IntrospectionClient(server.Endpoint);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetPodsAsync(cancel.Token));
    }

    [Theory]
    [InlineData(200, "<html>not json</html>")]
    [InlineData(200, """{"0":{"ENIs":{"eni-x":{"ID":"eni-x","AvailableIPv4Cidrs":{"not-a-cidr":{}}}}}}""")]
    [InlineData(200, """{"zero":{"ENIs":{}}}""")]
    [InlineData(500, "boom")]
    public async Task AnAnswerThatIsNotIntrospectionIsABadResponse(int status, string body)
    {
        await using var server = CannedHttpServer.OnTcp(new() { ["/v1/enis"] = (status, body) });
        using var client = new IntrospectionClient(server.Endpoint);

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => client.GetEnisAsync(false, CancellationToken.None));

        Assert.Equal(ErrorIds.Introspection.BadResponse, ex.ErrorId);
    }

    [Fact]
    public async Task AWarmPoolWithoutLimitsInTheMetricsSaysSo()
    {
        var answers = CannedNode.SecondaryIpNode();
        answers["/metrics"] = (200, "# TYPE awscni_eni_max gauge\nawscni_eni_max 0\n");
        await using var server = CannedHttpServer.OnTcp(answers);
        using var client = new IntrospectionClient(server.Endpoint, null, new FakeTimeProvider(CannedNode.Now));

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => client.GetWarmPoolAsync(new WarmPoolForecastRequest { MetricsEndpoint = server.Endpoint }, CancellationToken.None));

        Assert.Equal(ErrorIds.Introspection.LimitsUnknown, ex.ErrorId);
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
