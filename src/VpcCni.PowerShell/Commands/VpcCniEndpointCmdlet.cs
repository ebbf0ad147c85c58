using System.Management.Automation;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>The reading cmdlets that ask the introspection listener: its endpoint, first and by property name.</summary>
public abstract class VpcCniEndpointCmdlet : VpcCniIntrospectionCmdlet
{
    /// <summary>The node's introspection endpoint: a URL, host:port, or unix:/path.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    [ValidateNotNullOrEmpty]
    public string Endpoint { get; set; } = IntrospectionEndpoint.DefaultIntrospection;
}
