namespace Ikosa.ServiceModel;

/// <summary>Holds the object that implements a duplex client's callback contract, as in WCF.</summary>
public sealed class InstanceContext(object implementation)
{
    public object GetServiceInstance() => implementation;
}
