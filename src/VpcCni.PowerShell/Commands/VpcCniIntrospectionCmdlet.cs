using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that read a running node (docs/service.md, "Introspection"): the endpoint,
/// bound by property name so a simulation object (Start-VpcCniSimulation) pipes in, and one read per
/// pipeline object. A node that cannot be read fails only that object, so the others are still read.
/// </summary>
public abstract class VpcCniIntrospectionCmdlet : VpcCniCmdlet
{
    /// <summary>Seconds one request may take.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = (int)IntrospectionClient.DefaultTimeout.TotalSeconds;

    /// <summary>
    /// Runs one engine read against <paramref name="endpoint"/> and returns its result, or reports
    /// the engine's error for that endpoint and returns default.
    /// </summary>
    protected T? Read<T>(string endpoint, Func<IntrospectionClient, CancellationToken, Task<T>> read, string status)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            using var client = new IntrospectionClient(endpoint, TimeSpan.FromSeconds(TimeoutSec));
            return Wait(new ValueTask<T>(read(client, CancellationToken)), MyInvocation.MyCommand.Name, $"{status} from {client.Endpoint}");
        }
        catch (VpcCniException ex)
        {
            WriteError(ErrorRecordFactory.Create(ex, endpoint));
            return default;
        }
    }

    /// <summary>Writes the items of a read, keeping those whose <paramref name="select"/> text matches any pattern (all without patterns).</summary>
    protected void WriteMatching<T>(IEnumerable<T>? items, string[]? patterns, Func<T, string>? select)
    {
        if (items is null)
        {
            return;
        }

        var wildcards = patterns?.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToArray();
        foreach (var item in items)
        {
            if (wildcards is null || select is null || wildcards.Any(w => w.IsMatch(select(item))))
            {
                WriteObject(item);
            }
        }
    }
}
