using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

/// <summary>The in-process entry point: start returns the bound endpoints, stop closes them, and a Generic Host can own it.</summary>
public sealed class SimulatorServerTests
{
    [Fact]
    public async Task StartReturnsTheBoundEndpointsAndStopClosesThem()
    {
        await using var server = new SimulatorServer(new SimulatorOptions { Scenario = Scenario.Default() });
        var endpoints = await server.StartAsync(CancellationToken.None);
        Assert.Equal(server.Ec2Endpoint, endpoints.Ec2);
        Assert.Equal(new Uri(endpoints.Ec2, "_sim/"), endpoints.Control);
        Assert.Equal(server.ImdsEndpoint, endpoints.Imds);
        Assert.Equal(endpoints.Imds, endpoints.ImdsByInstance[server.World.DefaultInstanceId]);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(endpoints.Control, "state"))).StatusCode);

        await server.StopAsync(CancellationToken.None);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(endpoints.Control, "state")));
    }

    [Fact]
    public async Task AGenericHostStartsAndStopsTheSimulatorAsAHostedService()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddVpcCniSimulator(o => o.Scenario = Scenario.Default());
        using var host = builder.Build();
        await host.StartAsync(CancellationToken.None);
        var server = host.Services.GetRequiredService<SimulatorServer>();
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(server.Endpoints.Control, "state"))).StatusCode);

        await host.StopAsync(CancellationToken.None);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.Endpoints.Control, "state")));
    }

    [Fact]
    public void EndpointsBeforeStartAreAnError()
    {
        var server = new SimulatorServer(new SimulatorOptions());
        Assert.Throws<InvalidOperationException>(() => server.Endpoints);
    }
}
