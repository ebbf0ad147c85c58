using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Kubernetes;
using VpcCni.Simulator.Scenarios;

var scenarioOption = new Option<FileInfo?>("--scenario") { Description = "Scenario file (.json, .yaml); without it the default world" };
var portOption = new Option<int>("--port") { Description = "EC2 Query API port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 0 };
var imdsPortOption = new Option<int>("--imds-port") { Description = "IMDS port of the first instance (0 = any free port)", DefaultValueFactory = _ => 0 };
var kubernetesOption = new Option<bool>("--kubernetes") { Description = "Also serve a loopback Kubernetes API (docs/simulator.md, \"The Kubernetes API\")" };
var kubernetesPortOption = new Option<int>("--kubernetes-port") { Description = "Kubernetes API port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 0 };
var kubeconfigOption = new Option<FileInfo?>("--write-kubeconfig") { Description = "With --kubernetes: write a kubeconfig for the loopback API server to this file" };
var manifestOption = new Option<FileInfo[]>("--manifest") { Description = "With --kubernetes: load these YAML/JSON manifests into the API server (repeatable)", AllowMultipleArgumentsPerToken = true };
var noControllerOption = new Option<bool>("--no-resource-controller") { Description = "With --kubernetes: do not run the simulated VPC resource controller (trunk and branch ENIs for security groups for pods)" };
var command = new RootCommand("vpc-cni-sim: a wire-compatible EC2 Query API + IMDSv2 simulator on loopback.")
{
    scenarioOption, portOption, imdsPortOption, kubernetesOption, kubernetesPortOption, kubeconfigOption, manifestOption, noControllerOption,
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

    // The Generic Host's console lifetime turns Ctrl+C and SIGTERM into a graceful stop; stdout
    // carries only the endpoint lines, logs go to stderr.
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
    builder.Logging.AddSimpleConsole();
    builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
    builder.Services.AddVpcCniSimulator(o =>
    {
        o.Scenario = scenario;
        o.Ec2Port = parse.GetValue(portOption);
        o.ImdsPort = parse.GetValue(imdsPortOption);
    });
    if (parse.GetValue(kubernetesOption))
    {
        builder.Services.AddSingleton(sp => new KubernetesApiServer(new KubernetesApiServerOptions { Port = parse.GetValue(kubernetesPortOption) }, sp.GetService<ILoggerFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KubernetesApiServer>());
        if (!parse.GetValue(noControllerOption))
        {
            builder.Services.AddHostedService(sp => new ResourceController(
                sp.GetRequiredService<KubernetesApiServer>().Store, sp.GetRequiredService<SimulatorServer>().World, sp.GetService<ILoggerFactory>()));
        }
    }

    using var host = builder.Build();
    await host.StartAsync(cancellationToken).ConfigureAwait(false);
    var server = host.Services.GetRequiredService<SimulatorServer>();
    if (host.Services.GetService<KubernetesApiServer>() is { } kubernetes)
    {
        try
        {
            foreach (var manifest in parse.GetValue(manifestOption) ?? [])
            {
                kubernetes.LoadYaml(await File.ReadAllTextAsync(manifest.FullName, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is KubeApiException or IOException)
        {
            await Console.Error.WriteLineAsync($"vpc-cni-sim: {ex.Message}").ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 2;
        }

        Console.WriteLine($"Kubernetes API endpoint: {kubernetes.Endpoint}");
        if (parse.GetValue(kubeconfigOption) is { } kubeconfig)
        {
            Console.WriteLine($"Kubeconfig: {kubernetes.WriteKubeconfig(kubeconfig.FullName)}");
        }
    }

    Console.WriteLine($"EC2 endpoint: {server.Endpoints.Ec2}");
    foreach (var (id, imds) in server.Endpoints.ImdsByInstance)
    {
        Console.WriteLine($"IMDS endpoint ({id}): {imds}");
    }

    Console.WriteLine($"Control endpoint: {server.Endpoints.Control}");
    Console.WriteLine("Serving until Ctrl+C or SIGTERM.");
    await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
    await host.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
    return 0;
});

// The host owns termination signals, so the command line does not register its own handler.
return await command.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
