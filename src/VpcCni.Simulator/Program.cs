using System.CommandLine;
using System.Runtime.InteropServices;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

var scenarioOption = new Option<FileInfo?>("--scenario") { Description = "Scenario file (.json, .yaml); without it the default world" };
var portOption = new Option<int>("--port") { Description = "EC2 Query API port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 0 };
var imdsPortOption = new Option<int>("--imds-port") { Description = "IMDS port of the first instance (0 = any free port)", DefaultValueFactory = _ => 0 };
var command = new RootCommand("vpc-cni-sim: a wire-compatible EC2 Query API + IMDSv2 simulator on loopback.")
{
    scenarioOption, portOption, imdsPortOption,
};
command.SetAction(async (parse, cancellationToken) =>
{
    Scenario scenario;
    try
    {
        scenario = parse.GetValue(scenarioOption) is { } file ? Scenario.Load(file.FullName) : Scenario.Default();
    }
    catch (ScenarioException ex)
    {
        await Console.Error.WriteLineAsync($"vpc-cni-sim: {ex.Message}").ConfigureAwait(false);
        return 2;
    }

    var options = new SimulatorOptions { Scenario = scenario, Ec2Port = parse.GetValue(portOption), ImdsPort = parse.GetValue(imdsPortOption) };
    await using var server = await SimulatorServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
    Console.WriteLine($"EC2 endpoint: {server.Ec2Endpoint}");
    foreach (var id in server.World.Inspect(w => w.Instances.Keys.ToList()))
    {
        Console.WriteLine($"IMDS endpoint ({id}): {server.ImdsEndpointFor(id)}");
    }

    Console.WriteLine($"Control endpoint: {server.ControlEndpoint}");
    Console.WriteLine("Serving until Ctrl+C or SIGTERM.");
    await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
    // SIGTERM (systemd, kill) stops as gracefully as Ctrl+C does.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
    }

    return 0;
});
return await command.Parse(args).InvokeAsync().ConfigureAwait(false);
