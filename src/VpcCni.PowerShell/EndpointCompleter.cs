using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VpcCni.Engine.Introspection;
using VpcCni.PowerShell.Simulation;

namespace VpcCni.PowerShell;

/// <summary>Completes node endpoints: the defaults, then the endpoints of the simulations this session started.</summary>
public sealed class EndpointCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var metrics = string.Equals(parameterName, "MetricsEndpoint", StringComparison.OrdinalIgnoreCase);
        var running = SimulationRegistry.Running().Select(s => (Endpoint: metrics ? s.MetricsEndpoint : s.Endpoint, s.ProcessId)).ToArray();
        var endpoints = new[] { metrics ? IntrospectionEndpoint.DefaultMetrics : IntrospectionEndpoint.DefaultIntrospection }.Concat(running.Select(r => r.Endpoint));
        return CompletionWords.Matching(endpoints, wordToComplete, e => running.FirstOrDefault(r => r.Endpoint == e) is { ProcessId: > 0 } r
            ? $"simulated node, process {r.ProcessId}"
            : "the node on this machine");
    }
}
