import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./better-auth";

// Stored lowercased: better-auth looks people up by the lowercased address at sign-in.
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter an email address, like ana@example.com" })).pipe(z.string().max(254));
export const PersonNameSchema = z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters");
export const PasswordSchema = z.string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(128, "At most 128 characters");
export const PersonIdSchema = z.uuid({ message: "Not a person's id" });

export const NewPersonSchema = z.object({ name: PersonNameSchema, email: EmailSchema, password: PasswordSchema });
export type NewPerson = z.infer<typeof NewPersonSchema>;

