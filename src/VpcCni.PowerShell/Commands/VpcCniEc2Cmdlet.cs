using System.Management.Automation;
using VpcCni.Engine.Aws.Workstation;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that call EC2 from a workstation: the parameter names AWS.Tools uses
/// (-Region, -ProfileName, -EndpointUrl), and the clients they open, closed when the cmdlet ends.
/// </summary>
public abstract class VpcCniEc2Cmdlet : VpcCniCmdlet
{
    private readonly WorkstationEc2Connections _connections = new();

    /// <summary>AWS region; default AWS_REGION, AWS_DEFAULT_REGION, then the profile's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>A profile of ~/.aws/config and ~/.aws/credentials; default the SDK's credential chain.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>EC2 endpoint override, as AWS_EC2_ENDPOINT (a simulation's Ec2Endpoint binds by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Ec2Endpoint")]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>The client for the bound region and endpoint; a bad profile, region or endpoint stops the command.</summary>
    protected WorkstationEc2 Connection()
    {
        try
        {
            return _connections.Get(Region, ProfileName, EndpointUrl);
        }
        catch (VpcCniException ex)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(ex, Region));
            throw;
        }
    }

    /// <summary>Waits for one EC2 call with progress; its engine error is reported for <paramref name="target"/>.</summary>
    protected bool TryCall<T>(Func<WorkstationEc2, CancellationToken, Task<T>> call, string status, object? target, out T? result)
    {
        ArgumentNullException.ThrowIfNull(call);
        var connection = Connection();
        try
        {
            result = Wait(new ValueTask<T>(call(connection, CancellationToken)), MyInvocation.MyCommand.Name, status);
            return true;
        }
        catch (VpcCniException ex)
        {
            WriteError(ErrorRecordFactory.Create(ex, target));
            result = default;
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connections.Dispose();
        }

        base.Dispose(disposing);
    }
}
