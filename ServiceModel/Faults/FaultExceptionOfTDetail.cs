namespace Ikosa.ServiceModel;

/// <summary>A SOAP fault carrying a data-contract detail declared with <see cref="FaultContractAttribute"/>.</summary>
public class FaultException<TDetail> : FaultException
{
    public FaultException(TDetail detail) : this(detail, FaultNames.DefaultReason) { }

    public FaultException(TDetail detail, string reason) : this(detail, reason, FaultCode.CreateSenderFaultCode(null)) { }

    public FaultException(TDetail detail, string reason, FaultCode code) : this(detail, reason, code, null) { }

    public FaultException(TDetail detail, string reason, FaultCode code, string? action) : base(reason, code, action)
    {
        Detail = detail;
    }

    public TDetail Detail { get; }

    internal override Type? DetailType => typeof(TDetail);

    internal override object? DetailObject => Detail;

    public override string ToString() => $"{base.ToString()}{Environment.NewLine}Detail: {Detail}";
}
