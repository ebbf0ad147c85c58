using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Service.Configuration;
using VpcCni.Service.Hosting;
using VpcCni.Service.Rpc;
using VpcCni.Service.Systemd;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.CommandLine;

/// <summary>
/// <c>vpc-cni-node run</c>: assembles the configuration, validates it before anything listens, runs
/// the host until SIGTERM (the host's lifetime handles it) and maps failures to exit statuses.
/// </summary>
public static class NodeRunner
{
    private const string Prefix = "vpc-cni-node: ";

    /// <summary>Runs the service; returns its exit status (<see cref="NodeExitCodes"/>).</summary>
    public static async Task<int> RunAsync(RunArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        SimulateSession? simulation = null;
        if (arguments.Simulate)
        {
            try
            {
                simulation = await SimulateSession.StartAsync(arguments.ScenarioPath, cancellationToken).ConfigureAwait(false);
                simulation.ApplySdkEnvironment();
            }
            catch (ScenarioException ex)
            {
                await error.WriteLineAsync(Prefix + ex.Message).ConfigureAwait(false);
                return NodeExitCodes.InvalidConfiguration;
            }
        }

        try
        {
            return await RunHostAsync(arguments, simulation, output, error, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (simulation is not null)
            {
                await simulation.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunHostAsync(
        RunArguments arguments, SimulateSession? simulation, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = NodeServiceHost.CreateBuilder([.. arguments.HostArguments]);
        if (simulation is not null)
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = simulation.PathDefaults });

            // A simulated node reads no cluster unless asked: --Kubernetes:Enabled=true (with --Kubernetes:Kubeconfig=… or KUBECONFIG).
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?> { ["Kubernetes:Enabled"] = "false" },
            });
        }

        builder.AddNodeConfiguration(arguments.ConfigPath, arguments.ConfigPollInterval);
        if (simulation is not null)
        {
            builder.Configuration.AddInMemoryCollection(simulation.Endpoints);
        }

        builder.Services.AddHostedService<WatchdogService>();
        // Only the process the run command owns trims its GC heap: a host built in a test or benchmark
        // process shares that process's heap.
        builder.Services.AddHostedService<HeapTrimService>();

        WebApplication app;
        try
        {
            app = NodeServiceHost.Build(builder);

            // Binds and validates every variable; an invalid value ends the run before anything listens.
            _ = app.Services.GetRequiredService<VpcCniSettingsMonitor>();
        }
        catch (InvalidConfigurationException ex)
        {
            await ReportAsync(error, ex).ConfigureAwait(false);
            return NodeExitCodes.InvalidConfiguration;
        }
        catch (OptionsValidationException ex)
        {
            // Kestrel reads the socket options while the application is built.
            await ReportAsync(error, ex).ConfigureAwait(false);
            return NodeExitCodes.InvalidConfiguration;
        }
        catch (VpcCniException ex) when (ex.Category == VpcCniErrorCategory.InvalidConfiguration)
        {
            // The Kubernetes client is made while the settings bind (a kubeconfig that cannot be used, no node name).
            await error.WriteLineAsync($"{Prefix}{ex.ErrorId}: {ex.Message}").ConfigureAwait(false);
            return NodeExitCodes.InvalidConfiguration;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OptionsValidationException ex)
            {
                await ReportAsync(error, ex).ConfigureAwait(false);
                return NodeExitCodes.InvalidConfiguration;
            }
            catch (VpcCniException ex)
            {
                await error.WriteLineAsync($"{Prefix}{ex.ErrorId}: {ex.Message}").ConfigureAwait(false);
                return NodeExitCodes.StartFailed;
            }

            await output.WriteLineAsync($"IPAM socket: {app.Services.GetRequiredService<IOptions<IpamSocketOptions>>().Value.Path}").ConfigureAwait(false);
            if (simulation is not null)
            {
                await output.WriteLineAsync($"Checkpoint: {app.Services.GetRequiredService<IOptions<DatastoreOptions>>().Value.CheckpointPath}").ConfigureAwait(false);
                foreach (var line in simulation.DescribeEndpoints())
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                }
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return NodeExitCodes.Success;
    }

    private static async Task ReportAsync(TextWriter error, InvalidConfigurationException exception)
    {
        // One line per rejected value, each naming the variable, its source and the accepted values.
        if (exception.Errors.Count == 0)
        {
            await error.WriteLineAsync(Prefix + exception.Message).ConfigureAwait(false);
            return;
        }

        foreach (var item in exception.Errors)
        {
            await error.WriteLineAsync($"{Prefix}invalid configuration: {item.Message}").ConfigureAwait(false);
        }
    }

    private static async Task ReportAsync(TextWriter error, OptionsValidationException exception)
    {
        foreach (var failure in exception.Failures)
        {
            await error.WriteLineAsync($"{Prefix}invalid configuration: {failure}").ConfigureAwait(false);
        }
    }
}
