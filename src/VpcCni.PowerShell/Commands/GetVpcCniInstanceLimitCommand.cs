using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;

namespace VpcCni.PowerShell.Commands;

/// <summary>Gets the networking limits of EC2 instance types from the built-in table.</summary>
[Cmdlet(VerbsCommon.Get, "VpcCniInstanceLimit")]
[OutputType(typeof(InstanceTypeLimits))]
public sealed class GetVpcCniInstanceLimitCommand : VpcCniCmdlet
{
    /// <summary>Type names; wildcards select from the table. Omitted: every type.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? InstanceType { get; set; }

    protected override void ProcessRecord()
    {
        var catalog = InstanceTypeCatalog.Embedded;
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
                continue;
            }

            try
            {
                WriteObject(catalog.Get(name));
            }
            catch (VpcCniException ex)
            {
                ReportError(ex, name);
            }
        }
    }
}
