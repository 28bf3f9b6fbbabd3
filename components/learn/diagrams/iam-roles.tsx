import { Arrow, Box, Diagram, Label } from "./primitives";

export function IamRolesDiagram() {
  return (
    <Diagram
      title="The execution role serves ECS, the task role serves your code"
      description="Before and around your container, the ECS agent or Fargate uses the task execution role to pull the image from Amazon ECR, send logs to CloudWatch Logs and read secrets. Inside the container, your application uses the task role, through short-lived credentials the AWS SDK finds by itself, to call services such as S3 or DynamoDB. Neither needs access keys in environment variables."
      width={680}
      height={250}
    >
      {(marker) => (
        <>
          <Box x={20} y={30} w={180} h={56} tone="violet" label="ECS agent / Fargate" sub="starts your task" size={12} />
          <Box x={250} y={30} w={170} h={56} tone="amber" label="Execution role" sub="executionRoleArn" size={12} />
          <Arrow x1={202} y1={58} x2={246} y2={58} marker={marker} />
          {["ECR: pull image", "CloudWatch Logs", "Secrets Manager"].map((t, i) => (
            <g key={t}>
              <Arrow x1={422} y1={58} x2={478} y2={26 + i * 32} marker={marker} className="stroke-slate-400" />
              <Box x={482} y={12 + i * 32} w={180} h={26} tone="slate" label={t} size={11} />
            </g>
          ))}

          <line x1={20} y1={118} x2={660} y2={118} className="stroke-slate-200" strokeWidth={1.5} />

          <Box x={20} y={140} w={180} h={56} tone="sky" label="Your application" sub="AWS SDK in the container" size={12} />
          <Box x={250} y={140} w={170} h={56} tone="emerald" label="Task role" sub="taskRoleArn" size={12} />
          <Arrow x1={202} y1={168} x2={246} y2={168} marker={marker} />
          {["S3: write reports", "DynamoDB: read orders"].map((t, i) => (
            <g key={t}>
              <Arrow x1={422} y1={168} x2={478} y2={152 + i * 34} marker={marker} className="stroke-slate-400" />
              <Box x={482} y={138 + i * 34} w={180} h={26} tone="slate" label={t} size={11} />
            </g>
          ))}
          <Label x={340} y={232} size={12}>Credentials rotate automatically; nothing secret sits in the task definition’s environment.</Label>
        </>
      )}
    </Diagram>
  );
}
