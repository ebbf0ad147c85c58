using System.Management.Automation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Limits;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Gets the networking limits of EC2 instance types from the built-in table, or (when an AWS
/// parameter is given) from EC2 DescribeInstanceTypes for a type the table does not know.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniInstanceLimit", DefaultParameterSetName = ByTypeSet)]
[OutputType(typeof(InstanceTypeLimits))]
public sealed class GetVpcCniInstanceLimitCommand : VpcCniCmdlet
{
    private const string ByTypeSet = "ByType";
    private const string FromImdsSet = "FromImds";

    /// <summary>Type names; wildcards select from the table. Omitted: every type.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTypeSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? InstanceType { get; set; }

    /// <summary>The limits of the instance this runs on: type and region from IMDS.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromImdsSet)]
    public SwitchParameter FromImds { get; set; }

    /// <summary>AWS region for DescribeInstanceTypes (the name AWS.Tools uses, so its completer applies).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>EC2 endpoint override, as AWS_EC2_ENDPOINT.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>IMDS base URL, as AWS_EC2_METADATA_SERVICE_ENDPOINT.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ImdsEndpoint { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        OpenAwsLookup(FromImds.IsPresent, Region, EndpointUrl, ImdsEndpoint);
    }

    protected override void ProcessRecord()
    {
        var catalog = InstanceTypeCatalog.Embedded;
        if (FromImds.IsPresent)
        {
            Write(Lookup(ct => AwsLookup!.LookupLocalInstanceAsync(ct), "Reading this instance's type from instance metadata", "FromImds"));
            return;
        }

        if (InstanceType is null)
        {
            WriteObject(catalog.All, enumerateCollection: true);
            return;
        }

        foreach (var name in InstanceType)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                // A pattern that matches nothing is not an error (Get-Command, Get-Process behave the same).
                var pattern = new WildcardPattern(name.Trim(), WildcardOptions.IgnoreCase);
                WriteObject(catalog.All.Where(t => pattern.IsMatch(t.InstanceType)), enumerateCollection: true);
            }
            else if (AwsLookup is not null)
            {
                Write(Lookup(ct => AwsLookup.LookupAsync(name, ct), $"Resolving {name} through EC2 DescribeInstanceTypes", name));
            }
            else
            {
                WriteResult(() => catalog.Get(name), name);
            }
        }
    }

    /// <summary>Writes a found type's limits; a failed lookup has already been reported.</summary>
    private void Write(InstanceLimitsLookupResult? found)
    {
        if (found is not null)
        {
            WriteObject(found.Limits);
        }
    }
}
