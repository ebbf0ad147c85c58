using VpcCni.Engine.Aws.Workstation;

namespace VpcCni.PowerShell;

/// <summary>
/// The EC2 clients one cmdlet invocation opened, one per region and endpoint (pipeline input may name
/// several), closed together. An unset region falls back to AWS_REGION then AWS_DEFAULT_REGION, as the
/// AWS CLI and AWS.Tools do, before the engine tries the profile's.
/// </summary>
internal sealed class WorkstationEc2Connections : IDisposable
{
    private readonly Dictionary<(string?, string?), WorkstationEc2> _open = [];

    public WorkstationEc2 Get(string? region, string? profileName, string? endpointUrl)
    {
        var effectiveRegion = region ?? Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION");
        var key = (effectiveRegion, endpointUrl);
        if (!_open.TryGetValue(key, out var connection))
        {
            connection = WorkstationEc2.Open(new WorkstationEc2Options { Region = effectiveRegion, ProfileName = profileName, Endpoint = endpointUrl });
            _open[key] = connection;
        }

        return connection;
    }

    public void Dispose()
    {
        foreach (var connection in _open.Values)
        {
            connection.Dispose();
        }

        _open.Clear();
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
