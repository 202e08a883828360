// Every way a specifier can name a file whose name it does not spell.
import { Panel } from "@panel";
import { Button } from "@ui/button";
import { Card } from "#c-card";
import type { T } from "@/ui/types";
// import { Commented } from "@/ui/commented";
import {
  a,
} from
  "@/ui/multi";

export const page: T = { id: String(a) };
export const parts = [Panel, Button, Card];
